package model

import (
	"io/fs"
	"syscall"
	"time"
)

// readFast reads a file with four system calls (open, fstat, read,
// close). os.Open adds three more for every file (it tries to register
// the file with the network poller, which refuses regular files): a
// fifth of LoadPostings' time on 10,000 files. Anything unusual (an
// error, a file that is not regular, one that shrank while read) gives
// errSlowPath: the os package then reads it again and says why. A file
// that grew while read is read to the size fstat gave. The bytes are read
// into buf when it has room for them (they are then buf's), else into a
// new slice.
func readFast(abs string, limit int64, buf []byte) ([]byte, fs.FileInfo, error) {
	fd, err := retryEINTR(func() (int, error) { return syscall.Open(abs, syscall.O_RDONLY|syscall.O_CLOEXEC, 0) })
	if err != nil {
		return nil, nil, errSlowPath
	}
	defer syscall.Close(fd)
	var sys syscall.Stat_t
	if _, err := retryEINTR(func() (int, error) { return 0, syscall.Fstat(fd, &sys) }); err != nil || sys.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, nil, errSlowPath
	}
	info := &fileFacts{size: sys.Size, mode: fs.FileMode(sys.Mode & 0o777),
		mod: time.Unix(sys.Mtim.Unix())}
	if limit > 0 && sys.Size >= limit {
		return nil, info, errBigFile
	}
	var data []byte
	if int64(cap(buf)) >= sys.Size {
		data = buf[:sys.Size]
	} else {
		data = make([]byte, sys.Size)
	}
	for n := 0; n < len(data); {
		m, err := retryEINTR(func() (int, error) { return syscall.Read(fd, data[n:]) })
		if err != nil || m == 0 {
			return nil, nil, errSlowPath
		}
		n += m
	}
	return data, info, nil
}

func retryEINTR(f func() (int, error)) (int, error) {
	for {
		n, err := f()
		if err != syscall.EINTR {
			return n, err
		}
	}
}

// fileFacts is what readFast learns of a regular file.
type fileFacts struct {
	size int64
	mode fs.FileMode // permission bits
	mod  time.Time
}

func (f *fileFacts) Name() string       { return "" }
func (f *fileFacts) Size() int64        { return f.size }
func (f *fileFacts) Mode() fs.FileMode  { return f.mode }
func (f *fileFacts) ModTime() time.Time { return f.mod }
func (f *fileFacts) IsDir() bool        { return false }
func (f *fileFacts) Sys() any           { return nil }
