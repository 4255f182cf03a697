package store

import "context"

func (s *Store) audit(ctx context.Context, from, to string) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.ExecContext(ctx, "insert into audit values ($1, $2)", from, to)
	return err
}
