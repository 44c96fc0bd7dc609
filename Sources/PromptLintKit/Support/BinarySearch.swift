extension RandomAccessCollection {
    /// The first index whose element satisfies `isAfter`, for a collection in which every element that
    /// satisfies it comes after every element that does not (a lower bound); `endIndex` if none does.
    /// The one binary search behind range look-ups (sentences, mask spans, code fences, tokens) and
    /// sorted-array membership (search terms and postings).
    @inline(__always)
    func partitioningIndex(where isAfter: (Element) -> Bool) -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if isAfter(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
