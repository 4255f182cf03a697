package fixtures

func fireAndForgetQuiet() {
	SpawnQuiet(func() error { return nil })
}
