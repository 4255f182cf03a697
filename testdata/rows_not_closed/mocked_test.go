package fixtures

import (
	"database/sql"
	"testing"
)

type queryMock struct{ rows *sql.Rows }

type queryCall struct{ m *queryMock }

func (m *queryMock) EXPECT() *queryCall { return &queryCall{m} }

func (c *queryCall) Query(q string) *queryCall { return c }

func (c *queryCall) Return(rows *sql.Rows, err error) { c.m.rows = rows }

func (m *queryMock) Query(q string) (*sql.Rows, error) { return m.rows, nil }

type countingDB struct {
	inner *queryMock
	calls int
}

func (d *countingDB) Query(q string) (*sql.Rows, error) {
	d.calls++
	return d.inner.Query(q)
}

// The query goes to a mock whose answer the test set: no connection behind it.
func TestCountsQueries(t *testing.T) {
	mock := &queryMock{}
	db := &countingDB{inner: mock}
	mock.EXPECT().Query("SELECT 1").Return(nil, nil)
	rows, err := db.Query("SELECT 1")
	if err != nil {
		t.Fatal(err)
	}
	if rows != nil && rows.Next() {
		t.Log("a row")
	}
	if db.calls != 1 {
		t.Fatal("not counted")
	}
}

// The mock expects another method: the query goes to the shared database.
func TestCountsExec(t *testing.T) {
	mock := &queryMock{}
	var shared *sql.DB
	mock.EXPECT().Return(nil, nil)
	rows, err := shared.Query("SELECT 1") // want GL001:low "closed only when rows.Next\(\) returns false"
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		t.Log("a row")
	}
}
