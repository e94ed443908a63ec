from machi_cli.main import main

main()
