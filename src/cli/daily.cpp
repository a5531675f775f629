#include "daily.hpp"

#include "session.hpp"

namespace attune::cli {

RecordStamp record_stamp(Session &session) {
  RecordStamp stamp;
  stamp.new_id = [&session]() { return session.new_record_id(); };
  stamp.now = session.now();
  stamp.zone = session.zone_name();
  return stamp;
}

} // namespace attune::cli
