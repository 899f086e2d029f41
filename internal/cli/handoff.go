package cli

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
)

// appProgram is the program that holds the terminal app: jobtui itself
// links no terminal interface (see App).
const appProgram = "jobtui-app"

var errNoApp = errors.New("no " + appProgram)

// handOff opens the terminal app: jobtui-app runs in place of this process
// with the same arguments, so it sees the same terminal, flags, settings
// and exit code.
func (a *cli) handOff() error { return a.handOffTo(a.tr.CLI.AppMissing) }

// handOffTo runs jobtui-app in place of this process, as handOff does;
// missing is the message when it cannot be found.
func (a *cli) handOffTo(missing string) error {
	path, argv, err := findApp(a.args)
	if err != nil {
		return fail(exitCannot, "%s", missing)
	}
	return replaceProcess(path, argv)
}

// findApp is the program to run for the app and its arguments: jobtui-app
// beside this program (go install and go build -o DIR ./cmd/... put them
// together), else, in jobtui's own source (go run ./cmd/jobtui), go run of
// the app's folder, else jobtui-app on the PATH.
func findApp(args []string) (path string, argv []string, err error) {
	name := appProgram
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	if exe, err := os.Executable(); err == nil {
		if exe, err := filepath.EvalSymlinks(exe); err == nil {
			p := filepath.Join(filepath.Dir(exe), name)
			if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
				return p, append([]string{p}, args...), nil
			}
		}
	}
	// Before the PATH: go run ./cmd/jobtui must run the app of the source
	// it runs, not one installed earlier.
	if src := appSource(); src != "" {
		if goBin, err := exec.LookPath("go"); err == nil {
			return goBin, append([]string{goBin, "run", src}, args...), nil
		}
	}
	if p, err := exec.LookPath(appProgram); err == nil {
		return p, append([]string{p}, args...), nil
	}
	return "", nil, errNoApp
}

// appSource is the folder of jobtui-app's main package when the current
// folder is in the source of the module this program was built from, else
// "".
func appSource() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Path == "" {
		return ""
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if modulePath(filepath.Join(dir, "go.mod")) == bi.Main.Path {
			src := filepath.Join(dir, "cmd", appProgram)
			if fi, err := os.Stat(filepath.Join(src, "main.go")); err == nil && fi.Mode().IsRegular() {
				return src
			}
			return ""
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}

// modulePath is the module line of a go.mod file, or "".
func modulePath(goMod string) string {
	f, err := os.Open(goMod)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "module "); ok {
			return strings.Trim(strings.TrimSpace(rest), `"`)
		}
	}
	return ""
}
