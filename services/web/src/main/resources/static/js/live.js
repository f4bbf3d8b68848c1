// Live figures: listen to the web app's relay of progress-service's stream and fetch
// the figures again when they change. Without JavaScript the page still shows them.
(function () {
	var status = document.getElementById('live-status');
	if (!status || !status.dataset.stream || !window.EventSource) {
		return;
	}
	var source = new EventSource(status.dataset.stream);
	source.addEventListener('changed', function () {
		fetch(status.dataset.figures, { headers: { 'HX-Request': 'true' } })
			.then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
			.then(function (html) {
				var figures = document.getElementById('figures');
				var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('figures');
				if (figures && fresh) {
					figures.replaceWith(fresh);
					status.textContent = status.dataset.updated + ' ' + new Date().toLocaleTimeString(document.documentElement.lang);
				}
			})
			.catch(function () { /* the next change tries again */ });
	});
})();
