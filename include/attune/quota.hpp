#pragma once
/// The one rule for how an N-times-a-week exercise's programme week counts. today, remind,
/// checkin, every report format and the CSV take their numbers from count_quota.

namespace attune {

/// One programme week of an exercise planned N times a week, as of some day of that week.
struct QuotaCount {
  unsigned target = 0;  ///< N
  unsigned done = 0;    ///< done days counted toward N: min(done days, N)
  unsigned extra = 0;   ///< done days beyond N: extra practice, kept and shown, never lost
  unsigned skipped = 0; ///< days skipped (and not done): a conscious choice, never a miss
  unsigned excused = 0; ///< occurrences that can no longer be done and a skip accounts for
  unsigned missed = 0;  ///< occurrences that can no longer be done and no skip accounts for
  unsigned to_go = 0;   ///< N - done: still to do this week (0 once met)
  bool met = false;     ///< done days >= N: the rest of the week is not open any more
  /// What the week owes so far: the done ones plus the missed ones (never the excused ones).
  unsigned planned() const noexcept { return done + missed; }
};

/// Counts a week of an N-a-week exercise. `done_days`: days of the week so far with the
/// exercise done; `skip_days`: days with a skip and no done; `days_available`: days of the week
/// on which it can still be done (the days after the day counted, plus that day itself while
/// nothing is recorded for it; 0 once the week is over or the programme ended).
///
/// The rule: each done day counts once toward N, up to N; done days beyond N are extra. A skip
/// does not lower N (the exercise stays open until N are done), but when the week can no longer
/// hold the N, each skip accounts for one of the occurrences left undone: excused, not missed.
/// The week is met once N are done; a met week has nothing open.
///
/// Worked example, 2 a week, week Mon..Sun: done Mon, skipped Tue, done Thu.
///   as of Tue (Wed..Sun ahead, 5 days): done 1, skipped 1, planned 1, to go 1, not met
///   as of Thu: done 2, skipped 1, planned 2, met (Fri..Sun are not open)
///   had Thu not been done, week over: done 1, skipped 1, excused 1, missed 0, planned 1
///   done Mon only, week over: done 1, missed 1, planned 2
///   done Mon, Tue and Wed: done 2, extra 1, met
QuotaCount count_quota(unsigned target, unsigned done_days, unsigned skip_days,
                       unsigned days_available) noexcept;

} // namespace attune
