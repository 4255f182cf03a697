package sdkclient

import (
	"context"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

type transfers struct{}

// Its S3 calls are cancelled only by the caller: reported.
func (t transfers) client() (*s3.Client, error) {
	httpClient := &http.Client{} // want GL006 "http.Client without Timeout"
	cfg := aws.Config{HTTPClient: httpClient}
	return s3.NewFromConfig(cfg), nil
}

func (t transfers) Download(ctx context.Context, key string) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	client, err := t.client()
	if err != nil {
		return err
	}
	_, err = client.GetObject(ctx, &s3.GetObjectInput{Key: aws.String(key)})
	return err
}

// A client that the function also hands elsewhere: reported.
func (t transfers) logged() (*s3.Client, error) {
	httpClient := &http.Client{} // want GL006 "http.Client without Timeout"
	remember(httpClient)
	return s3.NewFromConfig(aws.Config{HTTPClient: httpClient}), nil
}

func remember(c *http.Client) {}
