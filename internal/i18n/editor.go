package i18n

import (
	"errors"
	"io/fs"
	"os/exec"
	"strconv"
)

// EditorStrings say why the person's editor did not do its work.
type EditorStrings struct {
	Exited      string
	Stopped     string
	NotFound    string
	CannotStart string
	Unreadable  string
}

var editorEN = EditorStrings{
	Exited:      "the editor {editor} exited with code {code}",
	Stopped:     "the editor {editor} was stopped ({detail})",
	NotFound:    "the editor {editor} could not be started: there is no such program (set EDITOR or VISUAL)",
	CannotStart: "the editor {editor} could not be started",
	Unreadable:  "{file} cannot be read, so it was not opened in the editor",
}

var editorFR = EditorStrings{
	Exited:      "l’éditeur {editor} s’est terminé avec le code {code}",
	Stopped:     "l’éditeur {editor} a été arrêté ({detail})",
	NotFound:    "l’éditeur {editor} n’a pas pu être lancé : ce programme est introuvable (réglez EDITOR ou VISUAL)",
	CannotStart: "l’éditeur {editor} n’a pas pu être lancé",
	Unreadable:  "{file} ne peut pas être lu : il n’a pas été ouvert dans l’éditeur",
}

// EditorErrorText says why the editor (the command as the person named it)
// did not run to its end, in tr's language.
func EditorErrorText(tr *Tr, editor string, err error) string {
	t := &tr.Editor
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee) && ee.ExitCode() >= 0:
		return F(t.Exited, "editor", editor, "code", strconv.Itoa(ee.ExitCode()))
	case errors.As(err, &ee):
		return F(t.Stopped, "editor", editor, "detail", ee.String())
	case errors.Is(err, exec.ErrNotFound), errors.Is(err, fs.ErrNotExist):
		return F(t.NotFound, "editor", editor)
	}
	return withDetail(tr, F(t.CannotStart, "editor", editor), errDetail(err))
}

// EditorUnreadableText says that file could not be read before the editor
// opened, and why.
func EditorUnreadableText(tr *Tr, file string, err error) string {
	return withDetail(tr, F(tr.Editor.Unreadable, "file", file), err)
}

// errDetail is what the system said, without the operation and path that
// a *fs.PathError puts first ("fork/exec /x: permission denied").
func errDetail(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
