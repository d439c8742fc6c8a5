"""File formats. Each module reads and writes the same dict form; none holds domain logic."""
