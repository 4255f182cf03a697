package sdkclient

import (
	"context"
	"crypto/tls"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

type driver struct {
	endpoint string
	insecure bool
}

// The client is the S3 client's, and every S3 call of the file has a deadline: not reported.
func (d *driver) s3Client() (*s3.Client, error) {
	httpClient := &http.Client{}
	if d.insecure {
		httpClient.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	}
	cfg := aws.Config{HTTPClient: httpClient}
	return s3.NewFromConfig(cfg), nil
}

func (d *driver) CreateBucket(name string) error {
	ctx, cancel := context.WithTimeout(context.TODO(), 30*time.Second)
	defer cancel()
	client, err := d.s3Client()
	if err != nil {
		return err
	}
	_, err = client.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(name)})
	return err
}
