package ui

import (
	"fmt"
	"strconv"
)

func itoa(n int) string    { return strconv.Itoa(n) }
func fmtType(v any) string { return fmt.Sprintf("%T", v) }
