"""goleaklint: find goroutine and resource leak patterns in Go source."""

__version__ = "0.1.0"
