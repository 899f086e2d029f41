package cli

import (
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/model"
)

// allProblemCodes are every problem code of the checks.
var allProblemCodes = []string{model.CodeMissingTranslation, model.CodeDuplicateKey, model.CodeArchivedMismatch,
	model.CodeMissingKey, model.CodeInvalidFrontMatter, model.CodeUnsupportedFrontMatter, model.CodeMissingField,
	model.CodeLeverIDMismatch, model.CodeInvalidLeverID, model.CodeStructureMismatch, model.CodeWrongLanguage,
	model.CodeStaleTranslation}

// In French, jobtui check and jobtui list name the problems in French
// ("clé-en-double", where they printed "duplicate-key"); in English they
// print the codes as before, and JSON keeps the codes in both.
func TestProblemNamesInTheLanguage(t *testing.T) {
	dir := corpus(t)
	for _, cmd := range []string{"check", "list"} {
		fr, _, _ := runCLI(t, cmd, "--repo", dir, "--lang", "fr")
		for _, code := range allProblemCodes {
			if strings.Contains(fr, code) {
				t.Errorf("jobtui %s --lang fr prints the code %s", cmd, code)
			}
		}
		if !strings.Contains(fr, "clé-en-double") {
			t.Errorf("jobtui %s --lang fr does not name the duplicate keys:\n%.600s", cmd, fr)
		}
		en, _, _ := runCLI(t, cmd, "--repo", dir, "--lang", "en")
		if !strings.Contains(en, model.CodeDuplicateKey) {
			t.Errorf("jobtui %s --lang en lost the code %s", cmd, model.CodeDuplicateKey)
		}
		js, _, _ := runCLI(t, cmd, "--json", "--repo", dir, "--lang", "fr")
		if !strings.Contains(js, `"`+model.CodeDuplicateKey+`"`) || strings.Contains(js, "clé-en-double") {
			t.Errorf("jobtui %s --json --lang fr does not keep the codes", cmd)
		}
	}
}
