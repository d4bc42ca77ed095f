// Camera QR scanning for the verify page and the workbench scan page. Uses the browser's BarcodeDetector where it
// exists and falls back to the vendored jsQR (wwwroot/vendor/jsqr, Apache-2.0) otherwise; nothing is loaded from a CDN.
let stream = null;
let timer = null;

function loadJsQr() {
    if (window.jsQR) return Promise.resolve(window.jsQR);
    return new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = '_content/Qilu.Trust/vendor/jsqr/jsQR.js';
        s.onload = () => resolve(window.jsQR);
        s.onerror = () => reject(new Error('jsQR could not be loaded'));
        document.head.appendChild(s);
    });
}

export async function start(video, dotnet) {
    stop();
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
        await dotnet.invokeMethodAsync('OnScanError', 'no-camera');
        return;
    }
    try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    } catch (e) {
        await dotnet.invokeMethodAsync('OnScanError', 'denied');
        return;
    }
    video.srcObject = stream;
    await video.play();
    let detect;
    if ('BarcodeDetector' in window) {
        const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
        detect = async () => { const codes = await detector.detect(video); return codes.length ? codes[0].rawValue : null; };
    } else {
        const jsQR = await loadJsQr();
        const canvas = document.createElement('canvas');
        const ctx = canvas.getContext('2d', { willReadFrequently: true });
        detect = async () => {
            if (!video.videoWidth) return null;
            canvas.width = video.videoWidth; canvas.height = video.videoHeight;
            ctx.drawImage(video, 0, 0);
            const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
            const code = jsQR(img.data, img.width, img.height);
            return code ? code.data : null;
        };
    }
    timer = setInterval(async () => {
        try {
            const text = await detect();
            if (text) { stop(); await dotnet.invokeMethodAsync('OnScanned', text); }
        } catch (e) { /* a frame that could not be read: try the next one */ }
    }, 300);
}

export function stop() {
    if (timer) { clearInterval(timer); timer = null; }
    if (stream) { stream.getTracks().forEach(t => t.stop()); stream = null; }
}
