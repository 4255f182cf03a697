package fixtures

// A result read into memory by the package: no Close to call.
type bufferedResult struct {
	rows [][]byte
	at   int
}

func (r *bufferedResult) Next() bool { r.at++; return r.at <= len(r.rows) }

func (r *bufferedResult) One(dest *[]byte) error { *dest = r.rows[0]; return nil }

// A result that holds a cursor: its Close frees it.
type cursorResult struct {
	cursor interface{ Close() error }
}

func (r *cursorResult) Next() bool { return false }

func (r *cursorResult) One(dest *[]byte) error { return nil }

func (r *cursorResult) Close() error { return r.cursor.Close() }

type attempt struct{}

func (a *attempt) Query(q string) (*bufferedResult, error) { return &bufferedResult{}, nil }

func (a *attempt) QueryContext(q string) (*cursorResult, error) { return &cursorResult{}, nil }

func firstBuffered(a *attempt, q string) ([]byte, error) {
	res, err := a.Query(q)
	if err != nil {
		return nil, err
	}
	var row []byte
	for res.Next() {
		if err := res.One(&row); err != nil {
			return nil, err
		}
	}
	return row, nil
}

func firstCursor(a *attempt, q string) ([]byte, error) {
	res, err := a.QueryContext(q) // want GL001
	if err != nil {
		return nil, err
	}
	var row []byte
	for res.Next() {
		if err := res.One(&row); err != nil {
			return nil, err
		}
	}
	return row, nil
}
