module example.com/amqpnew

go 1.21

require (
	github.com/rabbitmq/amqp091-go v1.12.0
	github.com/streadway/amqp v1.1.0
)
