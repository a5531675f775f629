// The rules of `attune start` (start_rules.hpp), with fixed dates.
#include <boost/test/unit_test.hpp>

#include "attune/start_rules.hpp"
#include "progress_fixtures.hpp"

using namespace attune;
using namespace attune::testing;

BOOST_AUTO_TEST_SUITE(start_rules)

BOOST_AUTO_TEST_CASE(running_until_the_last_day) {
  const Plan plan = six_week_plan();
  const Run run = make_run(start_mon);                    // Mon 2026-11-02, last day Sun 12-13
  BOOST_TEST(still_running(plan, &run, d("2026-11-01"))); // not begun yet
  BOOST_TEST(still_running(plan, &run, d("2026-12-13")));
  BOOST_TEST(!still_running(plan, &run, d("2026-12-14")));
  BOOST_TEST(!still_running(plan, nullptr, d("2026-11-05")));
}

BOOST_AUTO_TEST_SUITE_END()
