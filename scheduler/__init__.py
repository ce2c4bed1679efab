"""APScheduler set-up and the jobs it runs, in Asia/Tehran time."""
