"""Sharing what councils do: the updates funded projects post about their work."""
