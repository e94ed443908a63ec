"""Instagram professional accounts: publish, insights, OAuth (through Facebook Login), rules."""
