#include "session.hpp"

namespace attune::cli {

struct Session::State {};

Session::Session(Context &ctx) : ctx_(ctx), state_(std::make_unique<State>()) {}
Session::~Session() = default;

} // namespace attune::cli
