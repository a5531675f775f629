#pragma once
/// What the daily commands share: the rules and words live in the core (attune/daily.hpp,
/// reached unqualified from attune::cli); here only what needs the session.
#include "attune/daily.hpp"
#include "attune/new_record.hpp"

namespace attune::cli {

class Session;

/// The stamp of the records this command writes: fresh ids, the session's now and zone.
RecordStamp record_stamp(Session &session);

} // namespace attune::cli
