package fixtures

import "example.com/influx"

type batch interface{ Next() bool }

// c.Query is a time-series client's query, not SQL rows: the `rows` whose Next is
// called is the range variable that shadows it.
func seriesQuery(c *influx.Client, q string, batches []batch) error {
	rows, err := c.Query(q)
	if err != nil {
		return err
	}
	for _, rows := range batches {
		for rows.Next() {
		}
	}
	return rows.Error()
}
