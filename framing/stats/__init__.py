"""Numbers the report, figures and notebooks share: outlet means with seeded bootstrap intervals (`bootstrap`) and outlet x category matrices (`matrices`)."""
