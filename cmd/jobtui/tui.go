package main

// runTUI opens the terminal app; until it lands, the list is printed.
func (a *app) runTUI(accessible bool) error {
	cat, err := a.loadCatalog()
	if err != nil {
		return err
	}
	printList(a.stdout, a.tr, cat)
	return nil
}

func (a *app) makeDemo() (string, error) {
	return "", fail(exitCannot, "demo not available yet")
}
