// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @notice Small reward trees for tests: up to four leaves, sorted-pair hashing like OpenZeppelin's MerkleProof.
library Merkle {
    function leaf(address account, address token, uint256 amount) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(account, token, amount))));
    }

    function pair(bytes32 a, bytes32 b) internal pure returns (bytes32) {
        return a < b ? keccak256(abi.encode(a, b)) : keccak256(abi.encode(b, a));
    }

    /// @dev The root of four leaves and the proof of leaf `i`.
    function tree4(bytes32[4] memory l, uint256 i) internal pure returns (bytes32 root, bytes32[] memory proof) {
        bytes32 left = pair(l[0], l[1]);
        bytes32 right = pair(l[2], l[3]);
        root = pair(left, right);
        proof = new bytes32[](2);
        proof[0] = l[i ^ 1];
        proof[1] = i < 2 ? right : left;
    }

    /// @dev The root of two leaves and the proof of leaf `i`.
    function tree2(bytes32 a, bytes32 b, uint256 i) internal pure returns (bytes32 root, bytes32[] memory proof) {
        root = pair(a, b);
        proof = new bytes32[](1);
        proof[0] = i == 0 ? b : a;
    }
}
