package ui

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2/styles"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

var bigSite struct {
	once sync.Once
	site *model.Site
}

// TestMain removes the benchmarks' site of 10,000 postings when the tests
// end. Before the tests, it catches a signal once: the runtime starts its
// signal thread at the first signal.Notify (an archive's in-process commit
// makes one), and one started in a test's synctest bubble would belong to
// it ("select on synctest channel from outside bubble" later: a test that
// archives, run alone, died of it).
func TestMain(m *testing.M) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP)
	signal.Stop(c)
	code := m.Run()
	if bigSite.site != nil {
		os.RemoveAll(bigSite.site.Root)
	}
	os.Exit(code)
}

// site10k is a synthetic site of 10,000 postings (5,000 pairs).
func site10k(b *testing.B) *model.Site {
	bigSite.once.Do(func() {
		dir, err := os.MkdirTemp("", "jobtui-ui-bench-")
		if err != nil {
			b.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "hugo.yaml"), []byte("languages:\n  en:\n    contentDir: content/en\n  fr:\n    contentDir: content/fr\n"), 0o644)
		body := strings.Repeat("We build digital services with the people who use them.\n\n## Section\n\n- item\n- item\n", 20)
		for _, l := range []string{"en", "fr"} {
			os.MkdirAll(filepath.Join(dir, "content", l, "careers", "positions"), 0o755)
		}
		for i := 0; i < 5000; i++ {
			for _, l := range []string{"en", "fr"} {
				title := fmt.Sprintf("Developer %d", i)
				if l == "fr" {
					title = fmt.Sprintf("Développeur %d", i)
				}
				data := fmt.Sprintf("---\ntitle: %s\ndescription: >-\n  d\narchived: %v\ntranslationKey: k%05d\n---\n%s", title, i%3 == 0, i, body)
				os.WriteFile(filepath.Join(dir, "content", l, "careers", "positions", fmt.Sprintf("p%05d.md", i)), []byte(data), 0o644)
			}
		}
		bigSite.site, err = model.OpenSite(dir, model.SiteOptions{})
		if err != nil {
			b.Fatal(err)
		}
	})
	return bigSite.site
}

// BenchmarkKeystroke10k: one key (Update) and the frame after it (View) on
// a list of 10,000 postings.
func BenchmarkKeystroke10k(b *testing.B) {
	a := loadedApp(site10k(b), 140, 40)
	down := tea.KeyPressMsg{Code: tea.KeyDown}
	up := tea.KeyPressMsg{Code: tea.KeyUp}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := down
		if i%200 >= 100 {
			k = up
		}
		a.Update(k)
		_ = a.View()
	}
}

// BenchmarkFilterKeystroke10k: typing one letter into the filter, which
// refilters the 10,000 postings, and the frame after it.
func BenchmarkFilterKeystroke10k(b *testing.B) {
	a := loadedApp(site10k(b), 140, 40)
	a.Update(tea.KeyPressMsg{Code: '/', Text: "/"})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Update(tea.KeyPressMsg{Code: '9', Text: "9"})
		_ = a.View()
		a.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
		_ = a.View()
	}
}

// BenchmarkFirstFrame10k: from start to the first frame that shows the
// list: read and link 10,000 postings, build the rows, render. The
// problems follow in another command, then the git details.
func BenchmarkFirstFrame10k(b *testing.B) {
	site := site10k(b)
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for i := 0; i < b.N; i++ {
		a := New(Options{Site: site, Lang: i18n.EN, NoColor: true})
		a.Update(tea.WindowSizeMsg{Width: 140, Height: 40})
		_ = a.View() // the loading frame
		a.Update(a.store.Load("")())
		if !strings.Contains(a.View().Content, "Developer") {
			b.Fatal("no list")
		}
	}
}

// BenchmarkFirstFrameChecked10k: the same, up to the frame that also
// shows the problems.
func BenchmarkFirstFrameChecked10k(b *testing.B) {
	site := site10k(b)
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for i := 0; i < b.N; i++ {
		a := New(Options{Site: site, Lang: i18n.EN, NoColor: true})
		a.Update(tea.WindowSizeMsg{Width: 140, Height: 40})
		a.Update(a.store.Load("")())
		linked := a.store.cat
		a.Update(a.store.check(linked)())
		if a.store.cat == linked || !strings.Contains(a.View().Content, "Developer") {
			b.Fatal("no checked list")
		}
	}
}

// reportCPU reports the processor time used since start, per op.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkFirstFrameWithGitDetails10k: the same on a git repository, up
// to the frame that also shows each file's git state.
func BenchmarkFirstFrameWithGitDetails10k(b *testing.B) {
	site := site10k(b)
	if _, err := os.Stat(filepath.Join(site.Root, ".git")); err != nil {
		for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"-c", "user.name=b", "-c", "user.email=b@example.org", "commit", "-q", "-m", "site"}} {
			cmd := exec.Command("git", args...)
			cmd.Dir = site.Root
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Skipf("git: %v %s", err, out)
			}
		}
	}
	for i := 0; i < b.N; i++ {
		a := New(Options{Site: site, Lang: i18n.EN, NoColor: true})
		a.Update(tea.WindowSizeMsg{Width: 140, Height: 40})
		a.Update(a.store.Load("")())
		a.Update(a.store.check(a.store.cat)())
		a.Update(a.store.details(a.store.cat)())
		if a.store.states == nil || !strings.Contains(a.View().Content, "Developer") {
			b.Fatal("no list with git states")
		}
	}
}

// BenchmarkPreviewLargestCorpusPosting renders the corpus's largest body at
// 120 columns with Glamour, as the preview does.
func BenchmarkPreviewLargestCorpusPosting(b *testing.B) {
	dir, _ := filepath.Abs(filepath.Join("..", "..", "..", "shared", "corpus", "cds-careers-2023-05", "content"))
	files, _ := filepath.Glob(filepath.Join(dir, "*", "careers", "positions", "*.md"))
	if len(files) == 0 {
		b.Skip("real corpus not found beside the checkout")
	}
	sort.Slice(files, func(i, j int) bool { return size(files[i]) > size(files[j]) })
	data, _ := os.ReadFile(files[0])
	doc, err := model.Parse(data)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(data)), "bytes")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		RenderMarkdown(string(doc.Body()), 118, styles.DarkStyleConfig)
	}
}

func size(p string) int64 {
	st, err := os.Stat(p)
	if err != nil {
		return 0
	}
	return st.Size()
}

// loadedApp is the app on site, loaded with its git details, through the
// store's own commands (a benchmark cannot run in a synctest bubble).
func loadedApp(site *model.Site, w, h int) *App {
	a := New(Options{Site: site, Lang: i18n.EN, NoColor: true})
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	a.Update(a.store.Load("")())
	a.Update(a.store.check(a.store.cat)())
	a.Update(a.store.details(a.store.cat)())
	return a
}
