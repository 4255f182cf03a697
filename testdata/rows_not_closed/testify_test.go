package fixtures

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Each turn asserts that Next returned false, which closed the rows; they stay open
// only in a test that already failed.
func TestEmptyQueries(t *testing.T) {
	for _, q := range []string{"", " ", "-- ping"} {
		rows, err := suiteDB.Query(q)
		require.NoError(t, err)
		require.False(t, rows.Next())
		require.NoError(t, rows.Err())
	}
}

// The first result is asserted exhausted before the variable takes the second.
func TestTwoResults(t *testing.T) {
	rows, err := suiteDB.Query("SELECT 1")
	require.NoError(t, err)
	assert.True(t, rows.Next())
	assert.False(t, rows.Next())
	rows, err = suiteDB.Query("SELECT 2")
	require.NoError(t, err)
	assert.False(t, rows.Next())
}

// An assertion on something else leaves them open on every turn.
func TestFirstRowOnly(t *testing.T) {
	for _, q := range []string{"SELECT 1", "SELECT 2"} {
		rows, err := suiteDB.Query(q) // want GL001:low "rows `rows` from suiteDB.Query are never closed; call rows.Close\(\) before the iteration ends"
		require.NoError(t, err)
		require.True(t, rows.Next())
		assert.NoError(t, rows.Err())
	}
}
