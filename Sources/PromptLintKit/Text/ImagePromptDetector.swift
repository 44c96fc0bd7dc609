/// Image-generation prompts (camera, render and aspect-ratio words) ask for one image, not text:
/// output-length rules leave them alone.
enum ImagePromptDetector {
    /// Camera, render and aspect-ratio vocabulary: two or more of these mark an image prompt.
    static let imageMarkers = ["aspect ratio", "--ar ", "photorealistic", "hyper-realistic", "hyperrealistic", "depth of field",
                               "camera angle", "f/1.", "f/2.", "f/4", "35mm", "85mm", "8k", "4k resolution", "octane render",
                               "unreal engine", "midjourney", "stable diffusion", "dall-e", "cinematic lighting", "bokeh",
                               "shot on", "illustration of", "image of", "photo of", "wallpaper", "selfie", "vertical framing",
                               "framing", "lighting", "camera", "lens", "9:16", "16:9", "1:1", "4:5", "photograph"]

    static let imageMarkerBytes: [[UInt8]] = imageMarkers.map { Array($0.utf8) }

    /// Byte search on the ASCII-lowercased text (the markers are ASCII): this runs for every template
    /// without a limit, and Foundation's string search was a visible share of a 10,000-template lint.
    static func isImagePrompt(_ text: String) -> Bool {
        let lowered = text.utf8.map(Bytes.lower)
        var found = 0
        for marker in imageMarkerBytes where Bytes.contains(marker, in: lowered) {
            found += 1
            if found == 2 { return true }
        }
        return false
    }
}
