package fixtures

import "sync"

type taskManager struct {
	mu        sync.Mutex
	listeners []chan struct{}
	tasks     map[int]bool
	next      int
}

func (m *taskManager) addListener(c chan struct{}) {
	m.listeners = append(m.listeners, c)
}

// Starting a task has nothing to do with the listeners, yet waits for them.
func (m *taskManager) newTask() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.next++
	m.tasks[m.next] = true
	return m.next
}

// The caller's listeners: the message names the operation a slow one stalls.
func (m *taskManager) idle() {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, l := range m.listeners {
		l <- struct{}{} // want GL004:low "send on `l` under `m.mu` \(locked at line 27, unlocked by the defer at line 28\) stalls `newTask` until a receive; unlock first"
	}
}
