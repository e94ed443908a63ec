"""LINE Official Accounts: broadcast, insights, what a broadcast costs, and the rules."""
