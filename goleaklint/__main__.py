from goleaklint.cli import main

main()
