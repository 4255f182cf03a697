package builds

import "github.com/urfave/cli"

func installAction(c *cli.Context) error {
	if err := install(c.Args().First()); err != nil {
		return err
	}
	for _, url := range c.Args().Tail() {
		if err := fetch(url); err != nil {
			return err
		}
	}
	return nil
}
