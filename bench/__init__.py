"""Benchmarks of Pishkhan (issue 6 §6): `python -m bench`. Never collected as tests."""
