"""The inbox's response-time report: first response and resolution times per staff member,
group and channel, open conversations by age, and volume per day (issue 16).

It is computed here, from the publisher's `publisher.conversation.opened|assigned|replied|
closed|reopened.v1` events, rather than in the publisher from its conversation rows, because:

- the numbers must outlive the words: the publisher deletes citizens' messages after the town's
  retention period and on an erasure request (APPI), which would take the first reply's time
  with them, while the events carry only ids and times;
- every other report lives here, with the town's timezone, its periods, its CSV and its charts.

Each conversation keeps one row (`conversation_times`) whose milestones are the earliest opening,
the earliest staff reply, the latest close, the latest reopening and the latest assignment, so
events arriving late, out of order or twice change nothing. A conversation is resolved while its
latest close is not followed by a reopening (the citizen wrote again); its resolution time runs
to that latest close. The report counts the conversations *opened* in the
period, as they stand now: a reply or a close that came after the period still counts.

Percentiles use the nearest-rank method (PostgreSQL `percentile_disc`): p is the value at rank
ceil(p/100 x n) of the n sorted times, always one of the measured times. Times are in seconds.
"""
