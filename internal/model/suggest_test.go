package model

import (
	"reflect"
	"testing"
)

// A user test: "did you mean" caught only typing slips. A part of a key
// ("tech-ops") and a title in either language ("Technical Operations
// Analyst", as the recruiter sees it) now suggest the posting; a name too
// short to mean anything, or empty, suggests nothing.
func TestSuggestFindsPartsAndTitles(t *testing.T) {
	root := makeSite(t, map[string]string{
		"content/en/careers/positions/tech-ops.md": posting("Technical Operations Analyst", "2022-aug-tech-ops-analyst", "", true, enBody),
		"content/fr/careers/positions/tech-ops.md": posting("Analyste des opérations techniques", "2022-aug-tech-ops-analyst", "", true, frBody),
		"content/en/careers/positions/dev.md":      posting("Developer", "2021-dev", "", false, enBody),
		"content/fr/careers/positions/dev.md":      posting("Développeuse ou développeur", "2021-dev", "", false, frBody),
	})
	site, err := OpenSite(root, SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c := load(t, site)
	for name, want := range map[string][]string{
		"tech-ops":                           {"2022-aug-tech-ops-analyst"},
		"ops-analyst":                        {"2022-aug-tech-ops-analyst"},
		"Technical Operations Analyst":       {"2022-aug-tech-ops-analyst"},
		"analyste des opérations techniques": {"2022-aug-tech-ops-analyst"},
		"2022-aug-tech-ops-analist":          {"2022-aug-tech-ops-analyst"},
		"développeur":                        {"2021-dev"},
		"":                                   nil,
		"  ":                                 nil,
	} {
		if got := c.Suggest(name, 5); !reflect.DeepEqual(got, want) {
			t.Errorf("Suggest(%q) = %q, want %q", name, got, want)
		}
	}
}
