package fixtures

import (
	"github.com/gofiber/fiber/v2"
	"github.com/jmoiron/sqlx"
	"github.com/labstack/echo/v4"
	amqp "github.com/rabbitmq/amqp091-go"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

func orders(c echo.Context) error {
	db, err := gorm.Open(postgres.Open("dsn"), &gorm.Config{}) // want GL005 "`gorm.Open` creates a client on every request in handler `orders`"
	if err != nil {
		return err
	}
	return c.JSON(200, db.Find(nil))
}

func notify(c *fiber.Ctx) error {
	conn, err := amqp.Dial("amqp://guest:guest@localhost:5672/") // want GL005:low "creates and closes a client per request in handler `notify`"
	if err != nil {
		return err
	}
	defer conn.Close()
	return nil
}

// Echo's server set-up runs once.
func newEcho(dsn string) (*echo.Echo, error) {
	db, err := sqlx.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	e := echo.New()
	e.GET("/users", func(c echo.Context) error {
		return c.JSON(200, db.Stats())
	})
	return e, nil
}
