import sys

try:  # a Ctrl-C while the modules load, before the CLI handles it, still exits 130 quietly
    from goleaklint.cli import main
except KeyboardInterrupt:
    sys.exit(130)

main()
