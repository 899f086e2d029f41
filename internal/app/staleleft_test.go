package app

import (
	"context"
	"testing"
	"time"
)

// User test: a translation's wait was counted from the source's latest
// change; it counts from the first change the translation has not caught
// up with (since its last update, or since its last review).
func TestStaleWaitsSinceTheFirstChangeNotCaughtUp(t *testing.T) {
	setIdentity(t)
	dir := siteRepo(t)
	at := func(n int) time.Time { return time.Unix(1700000000+int64(n)*3600, 0).UTC() }
	writeFile(t, dir, frPath, "---\ntitle: Chef\narchived: false\ntranslationKey: dev\n---\nCorps\n")
	commitAt(t, dir, 10, "Update dev (fr)")
	writeFile(t, dir, enPath, "---\ntitle: Developer v2\narchived: false\ntranslationKey: dev\n---\nBody\n")
	commitAt(t, dir, 50, "Update dev (en)")
	writeFile(t, dir, "README.md", "other\n")
	commitAt(t, dir, 70, "Not the posting")
	writeFile(t, dir, enPath, "---\ntitle: Developer v3\narchived: false\ntranslationKey: dev\n---\nBody\n")
	commitAt(t, dir, 100, "Update dev (en) again")
	check := func(step string, want time.Time, reviewed bool) {
		t.Helper()
		ps, err := StaleProblems(openRepo(t, dir), loadSite(t, dir))
		if err != nil || len(ps) != 1 {
			t.Fatalf("%s: %v %+v", step, err, ps)
		}
		if got := ps[0].Args["sourceChanged"]; got != want.Format(time.RFC3339) || (ps[0].Args["reviewed"] == "true") != reviewed {
			t.Errorf("%s: sourceChanged %s (reviewed %q), want %s", step, got, ps[0].Args["reviewed"], want.Format(time.RFC3339))
		}
		_, pairs, err := CheckWithDiffs(context.Background(), openRepo(t, dir), openSite(t, dir))
		if err != nil || len(pairs) != 1 {
			t.Fatalf("%s: %v %+v", step, err, pairs)
		}
		if age := pairs[0].Age(at(200)); age != at(200).Sub(want) {
			t.Errorf("%s: waited %v, want %v", step, age, at(200).Sub(want))
		}
	}
	check("two changes since the French", at(50), false)
	// A review after both: the next two changes count from the first.
	runGit(t, dir, "commit", "-q", "--allow-empty", "-m", "Reviewed", "-m", "Translation-Reviewed: dev")
	writeFile(t, dir, enPath, "---\ntitle: Developer v4\narchived: false\ntranslationKey: dev\n---\nBody\n")
	commitAt(t, dir, 150, "Update dev (en), v4")
	writeFile(t, dir, enPath, "---\ntitle: Developer v5\narchived: false\ntranslationKey: dev\n---\nBody\n")
	commitAt(t, dir, 180, "Update dev (en), v5")
	check("two changes since the review", at(150), true)
}
