import sys

try:
    from factcheck.cli import main
except KeyboardInterrupt:   # Ctrl-C while the command is still starting: nothing was done yet
    sys.stderr.write("factcheck: error: interrupted\n")
    sys.exit(130)

main()
