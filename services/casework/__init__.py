"""Stored cases at work: their moves (`moves`), deadlines (`clocks`), cards (`cards`),
notices (`notices`) and the notes, questions and assignments of staff (`notes`)."""
