package model

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// This file reads values as Hugo 0.111 does: spf13/cast for settings and
// front matter (castString, castInt, castBool, castStrings), and a front
// matter value as the text Hugo gives it (HugoString: YAML 1.1 and TOML).

// castString converts as spf13/cast.ToString, which Hugo uses for settings
// and front matter.
func castString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(x), 'f', -1, 32)
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case uint64:
		return strconv.FormatUint(x, 10)
	case fmt.Stringer:
		return x.String()
	}
	return ""
}

func castInt(v any) int {
	switch x := v.(type) {
	case int:
		return x
	case int64:
		return int(x)
	case uint64:
		return int(x)
	case float64:
		return int(x)
	case string:
		n, _ := strconv.ParseInt(strings.TrimSpace(x), 0, 0)
		return int(n)
	case bool:
		if x {
			return 1
		}
	}
	return 0
}

func castBool(v any) bool {
	switch x := v.(type) {
	case bool:
		return x
	case string:
		b, _ := strconv.ParseBool(x)
		return b
	case int, int64, float64:
		return castInt(x) != 0
	}
	return false
}

func castStrings(v any) []string {
	switch x := v.(type) {
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, castString(e))
		}
		return out
	case []string:
		return x
	case string:
		return strings.Fields(x)
	}
	return nil
}

// HugoString is the value of a front matter key as Hugo 0.111 reads it as
// text (cast.ToString of what its YAML 1.1 and TOML decoders give): a YAML
// yes or on is "true", 0123 is "83", an unquoted date stays as written; a
// TOML date-time with an offset is Go's time text; a list or a table is "".
// Nothing is trimmed.
func (d *Document) HugoString(key string) string {
	name := d.name(key)
	v, ok := d.values[name]
	if !ok || v == nil {
		return ""
	}
	raw := ""
	for _, f := range d.fields {
		if f.name == name && f.style == stylePlain && f.tokStart >= 0 && f.start < len(d.lines) {
			raw = d.lines[f.start][f.tokStart:f.tokEnd]
		}
	}
	switch d.format {
	case FormatYAML:
		if raw != "" {
			return yaml11Plain(raw)
		}
	case FormatTOML:
		if t, ok := v.(time.Time); ok {
			if raw != "" && !tomlOffset().MatchString(raw) {
				// A local date or date-time: go-toml/v2's text for it.
				return strings.Replace(raw, " ", "T", 1)
			}
			return t.String()
		}
	}
	switch x := v.(type) {
	case string, bool, int, int64, uint64, float64:
		return castString(x)
	case time.Time:
		return x.String()
	}
	return ""
}

// Compiled when first used, not when the program starts.
var (
	tomlOffset = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`([zZ]|[+-]\d\d:\d\d)$`) })
	yamlFloat  = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)
	})
)

// yaml11Plain resolves a plain YAML scalar as gopkg.in/yaml.v2 does when
// decoding into an interface (timestamps stay text), then formats it as
// cast.ToString.
func yaml11Plain(s string) string {
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON":
		return "true"
	case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF":
		return "false"
	case "", "~", "null", "Null", "NULL":
		return ""
	case ".nan", ".NaN", ".NAN":
		return castString(math.NaN())
	case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
		return castString(math.Inf(1))
	case "-.inf", "-.Inf", "-.INF":
		return castString(math.Inf(-1))
	}
	if c := s[0]; c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9') {
		plain := strings.ReplaceAll(s, "_", "")
		if n, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return strconv.FormatInt(n, 10)
		}
		if n, err := strconv.ParseUint(plain, 0, 64); err == nil {
			return strconv.FormatUint(n, 10)
		}
		if yamlFloat().MatchString(plain) {
			if f, err := strconv.ParseFloat(plain, 64); err == nil {
				return castString(f)
			}
		}
		if strings.HasPrefix(plain, "0b") {
			if n, err := strconv.ParseInt(plain[2:], 2, 64); err == nil {
				return strconv.FormatInt(n, 10)
			}
		} else if strings.HasPrefix(plain, "-0b") {
			if n, err := strconv.ParseInt("-"+plain[3:], 2, 64); err == nil {
				return strconv.FormatInt(n, 10)
			}
		}
	}
	return s
}
