"""Peak resident memory of this process, per pass of a benchmark (Linux)."""

from pathlib import Path


def peak_rss_mib() -> float:
    """The kernel's high-water mark of this process's resident memory, in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_reset() -> bool:
    """Reset the peak to the current resident memory (Linux 4.0+); False if the kernel cannot."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False
