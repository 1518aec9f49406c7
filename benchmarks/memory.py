"""Resident memory of this process, now and at its peak, per pass of a benchmark (Linux)."""

from pathlib import Path


def _status_mib(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_rss_mib() -> float:
    """The kernel's high-water mark of this process's resident memory, in MiB."""
    return _status_mib("VmHWM")


def rss_mib() -> float:
    """This process's resident memory now, in MiB."""
    return _status_mib("VmRSS")


def peak_reset() -> bool:
    """Reset the peak to the current resident memory (Linux 4.0+); False if the kernel cannot."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False
