#include <boost/test/unit_test.hpp>

#include "attune/quota.hpp"

using namespace attune;

BOOST_AUTO_TEST_SUITE(quota)

// The worked example of quota.hpp and attune-plan(5): 2 a week, week Mon..Sun, done Mon,
// skipped Tue, done Thu.
BOOST_AUTO_TEST_CASE(a_skip_does_not_lower_the_target_and_two_done_days_meet_it) {
  // As of Tue evening: Wed..Sun (5 days) still ahead.
  QuotaCount tue = count_quota(2, 1, 1, 5);
  BOOST_TEST(tue.done == 1u);
  BOOST_TEST(tue.skipped == 1u);
  BOOST_TEST(tue.planned() == 1u);
  BOOST_TEST(tue.to_go == 1u); // the skip did not settle the second one
  BOOST_TEST(!tue.met);
  // As of Thu, done: met, nothing more open; the skip stays on record.
  QuotaCount thu = count_quota(2, 2, 1, 3);
  BOOST_TEST(thu.done == 2u);
  BOOST_TEST(thu.planned() == 2u);
  BOOST_TEST(thu.skipped == 1u);
  BOOST_TEST(thu.extra == 0u);
  BOOST_TEST(thu.to_go == 0u);
  BOOST_TEST(thu.met);
  // The week over without Thursday: the skip accounts for the second one, nothing missed.
  QuotaCount over = count_quota(2, 1, 1, 0);
  BOOST_TEST(over.done == 1u);
  BOOST_TEST(over.excused == 1u);
  BOOST_TEST(over.missed == 0u);
  BOOST_TEST(over.planned() == 1u);
}

BOOST_AUTO_TEST_CASE(done_days_beyond_the_target_are_extra_not_lost) {
  QuotaCount q = count_quota(2, 3, 0, 4); // done Mon, Tue, Wed
  BOOST_TEST(q.done == 2u);
  BOOST_TEST(q.extra == 1u);
  BOOST_TEST(q.met);
  BOOST_TEST(q.planned() == 2u);
}

BOOST_AUTO_TEST_CASE(only_what_can_no_longer_fit_is_missed) {
  BOOST_TEST(count_quota(3, 1, 0, 2).missed == 0u); // Sat, still open: Sat and Sun ahead
  BOOST_TEST(count_quota(3, 1, 0, 1).missed == 1u); // Sun, still open
  BOOST_TEST(count_quota(3, 1, 0, 0).missed == 2u); // week over
  BOOST_TEST(count_quota(2, 1, 0, 0).planned() == 2u);
  // More skips than the week can excuse: each accounts for one occurrence, no more.
  QuotaCount q = count_quota(2, 0, 5, 0);
  BOOST_TEST(q.excused == 2u);
  BOOST_TEST(q.missed == 0u);
  BOOST_TEST(q.skipped == 5u);
  BOOST_TEST(q.planned() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
