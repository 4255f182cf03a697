package fixtures

import "database/sql"

// The error is never checked: the advice asks for a check before the defer.
func uncheckedQuery(db *sql.DB, id int) ([]string, error) {
	res, err := db.Query("SELECT name FROM users WHERE id = ?", id) // want GL001 "check err, then defer res.Close\(\)$"
	var names []string
	for res.Next() {
		var name string
		err = res.Scan(&name)
		if err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	res.Close()
	return names, nil
}

// The error is checked, though not right after the call.
func laterCheck(db *sql.DB, id int, log func(string)) ([]string, error) {
	res, err := db.Query("SELECT name FROM users WHERE id = ?", id) // want GL001 "defer res.Close\(\) after the error check$"
	log("queried")
	if err != nil {
		return nil, err
	}
	var names []string
	for res.Next() {
		var name string
		if err := res.Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	res.Close()
	return names, nil
}

// The usual check right after the call.
func checkedQuery(db *sql.DB, id int) ([]string, error) {
	res, err := db.Query("SELECT name FROM users WHERE id = ?", id) // want GL001 "defer res.Close\(\) after the error check$"
	if err != nil {
		return nil, err
	}
	var names []string
	for res.Next() {
		var name string
		if err := res.Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	res.Close()
	return names, nil
}

// A helper checks the error.
func helperCheck(db *sql.DB, must func(error)) []string {
	res, err := db.Query("SELECT name FROM users") // want GL001 "defer res.Close\(\) after the error check$"
	must(err)
	var names []string
	for res.Next() {
		var name string
		if err := res.Scan(&name); err != nil {
			return nil
		}
		names = append(names, name)
	}
	res.Close()
	return names
}

// The error is only returned, at the end: nothing checks it before the loop.
func returnedOnly(db *sql.DB) ([]string, error) {
	res, err := db.Query("SELECT name FROM users") // want GL001 "check err, then defer res.Close\(\)$"
	var names []string
	for res.Next() {
		var name string
		if res.Scan(&name) != nil {
			return nil, nil
		}
		names = append(names, name)
	}
	res.Close()
	return names, err
}

// The error of either branch is checked after the if.
func branches(db *sql.DB, all bool) ([]string, error) {
	var res *sql.Rows
	var err error
	if all {
		res, err = db.Query("SELECT name FROM users") // want GL001 "defer res.Close\(\) after the error check$"
	} else {
		res, err = db.Query("SELECT name FROM users WHERE active") // want GL001 "defer res.Close\(\) after the error check$"
	}
	if err != nil {
		return nil, err
	}
	var names []string
	for res.Next() {
		var name string
		if err := res.Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	res.Close()
	return names, nil
}
