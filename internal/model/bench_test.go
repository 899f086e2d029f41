package model

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// GenerateSite writes a synthetic site of pairs postings per language with
// bodies of about 6 KB (like the corpus) and returns its root.
func generateSite(tb testing.TB, root string, pairs int) {
	tb.Helper()
	if err := os.WriteFile(filepath.Join(root, "hugo.yaml"), []byte(hugoYAML), 0o644); err != nil {
		tb.Fatal(err)
	}
	para := strings.Repeat("We build digital services with the people who use them, in the open, and we share what we learn. ", 6)
	paraFR := strings.Repeat("Nous créons des services numériques avec les personnes qui les utilisent, ouvertement, et nous partageons ce que nous apprenons. ", 5)
	var enB, frB strings.Builder
	for i := 0; i < 8; i++ {
		fmt.Fprintf(&enB, "\n## Section %d\n\n%s\n\n- item one\n- item two\n", i, para)
		fmt.Fprintf(&frB, "\n## Section %d\n\n%s\n\n- élément un\n- élément deux\n", i, paraFR)
	}
	for _, l := range []string{"en", "fr"} {
		if err := os.MkdirAll(filepath.Join(root, "content", l, "careers", "positions"), 0o755); err != nil {
			tb.Fatal(err)
		}
	}
	for i := 0; i < pairs; i++ {
		key := fmt.Sprintf("posting-%05d", i)
		lever := fmt.Sprintf("%08x-63c8-4b9d-86f9-a366b32d4fbe", i)
		os.WriteFile(filepath.Join(root, "content", "en", "careers", "positions", key+".md"),
			[]byte(posting(fmt.Sprintf("'Developer %d'", i), key, lever, i%3 == 0, enB.String())), 0o644)
		os.WriteFile(filepath.Join(root, "content", "fr", "careers", "positions", "développeur-"+key+".md"),
			[]byte(posting(fmt.Sprintf("'Développeur %d'", i), key, lever, i%3 == 0, frB.String())), 0o644)
	}
}

var benchSite struct {
	once sync.Once
	root string
}

// TestMain removes the benchmarks' site of 10,000 postings (80 MB) when
// the tests end.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchSite.root != "" {
		os.RemoveAll(benchSite.root)
	}
	os.Exit(code)
}

// BenchmarkLoadCheck10k: load, link and check 10,000 postings (5,000 pairs).
func BenchmarkLoadCheck10k(b *testing.B) {
	benchSite.once.Do(func() {
		dir, err := os.MkdirTemp("", "jobtui-bench-site-")
		if err != nil {
			b.Fatal(err)
		}
		generateSite(b, dir, 5000)
		benchSite.root = dir
	})
	site, err := OpenSite(benchSite.root, SiteOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var peak uint64
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		c, err := Load(site)
		if err != nil || len(c.Postings) != 10000 || len(c.Groups) != 5000 {
			b.Fatalf("load: %v", err)
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
	}
	b.ReportMetric(float64(peak)/(1<<20), "heapMB")
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkCheckCorpus: the 248-file corpus, load + link + check.
func BenchmarkCheckCorpus(b *testing.B) {
	site, err := OpenSite(corpusDir(b), SiteOptions{})
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if _, err := Load(site); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadGroupsCorpus: what `jobtui archive KEY` reads of the
// corpus: every posting file, the pair parsed. Its walk of the content
// tree alone: BenchmarkPostingFilesCorpus.
func BenchmarkLoadGroupsCorpus(b *testing.B) {
	site, err := OpenSite(corpusDir(b), SiteOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		if c, err := LoadGroups(site, []string{"2022-aug-sr-app-sec-dev"}); err != nil || len(c.Find("2022-aug-sr-app-sec-dev")) != 1 {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
}

func BenchmarkPostingFilesCorpus(b *testing.B) {
	site, err := OpenSite(corpusDir(b), SiteOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		if fs, err := PostingFiles(site); err != nil || len(fs) != 248 {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkLoadHostile: the demo-sized site of 24 postings, alone and with
// the hostile files of issue 13 (4 MB of nested arrays, inline tables 5,000
// deep, 50 MB of front matter, YAML flow 20,000 deep) beside them.
func BenchmarkLoadHostile(b *testing.B) {
	for _, withHostile := range []bool{false, true} {
		b.Run(fmt.Sprintf("hostile=%v", withHostile), func(b *testing.B) {
			root := b.TempDir()
			generateSite(b, root, 12)
			want := 24
			if withHostile {
				hostile := hostileFrontMatter()
				for _, name := range []string{"toml arrays 2M deep", "toml inline tables 5000 deep", "toml 50 MB", "yaml flow 20k deep"} {
					os.WriteFile(filepath.Join(root, "content", "en", "careers", "positions", strings.ReplaceAll(name, " ", "-")+".md"), []byte(hostile[name].data), 0o644)
				}
				want += 4
			}
			site, err := OpenSite(root, SiteOptions{})
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				c, err := Load(site)
				if err != nil || len(c.Postings) != want || len(c.Groups) != 12 {
					b.Fatalf("load: %d postings, %v", len(c.Postings), err)
				}
			}
		})
	}
}

// BenchmarkFrontMatterAtTheLimits: the costliest shapes a front matter can
// take within the limits (each parser's cost grows with them: TOML's with
// size times depth, YAML's with the square of a mapping's keys), parsed,
// then edited.
func BenchmarkFrontMatterAtTheLimits(b *testing.B) {
	rep := strings.Repeat
	fill := func(open, close, line string) string {
		var s strings.Builder
		s.WriteString(open)
		for i := 0; s.Len() < MaxFrontMatterBytes-200 && i < MaxFrontMatterLines-2; i++ {
			s.WriteString(strings.ReplaceAll(line, "#", fmt.Sprint(i)))
		}
		return s.String() + close + "Body\n"
	}
	d := MaxFrontMatterDepth - 2
	for name, data := range map[string]string{
		"toml-dotted": fill("+++\n", "+++\n", rep("a.", d)+"k# = 1\n"),
		"toml-inline": fill("+++\n", "+++\n", "k# = "+rep("{a = ", d)+"1"+rep("}", d)+"\n"),
		"toml-arrays": fill("+++\n", "+++\n", "k# = "+rep("[", d)+"1"+rep("]", d)+"\n"),
		"yaml-flow":   fill("---\n", "---\n", "k#: "+rep("[", d)+"1"+rep("]", d)+"\n"),
		"yaml-keys":   fill("---\n", "---\n", "k#: v\n"),
	} {
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				doc, err := Parse([]byte(data))
				if err != nil {
					b.Fatal(err)
				}
				if err := doc.SetString(KeyTitle, "Développeuse"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLanguageScoresCorpus: the common words of the corpus's 248
// files, counted as the checks count them.
func BenchmarkLanguageScoresCorpus(b *testing.B) {
	var files [][]byte
	size := 0
	for _, f := range corpusFiles(b) {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		files, size = append(files, data), size+len(data)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, data := range files {
			LanguageScores(data)
		}
	}
}
