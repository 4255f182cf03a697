module example.com/amqpstall

go 1.21

require github.com/rabbitmq/amqp091-go v1.13.0
