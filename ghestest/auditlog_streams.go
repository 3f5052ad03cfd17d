package ghestest

// auditlogStreamsRoutes are the routes of the audit log's streams (handlers
// in auditlog.go).
var auditlogStreamsRoutes = []route{
	{"GET /enterprises/{enterprise}/audit-log/stream-key", accessAdmin, "", ent(hStreamKey)},
	{"GET /enterprises/{enterprise}/audit-log/streams", accessAdmin, "", ent(hListStreams)},
	{"POST /enterprises/{enterprise}/audit-log/streams", accessAdmin, "", ent(hCreateStream)},
	{"GET /enterprises/{enterprise}/audit-log/streams/{stream_id}", accessAdmin, "", ent(hGetStream)},
	{"PUT /enterprises/{enterprise}/audit-log/streams/{stream_id}", accessAdmin, "", ent(hUpdateStream)},
	{"DELETE /enterprises/{enterprise}/audit-log/streams/{stream_id}", accessAdmin, "", ent(hDeleteStream)},
}
